"""CCHC Xã: administrative reform and emulation work of a commune People's Committee."""

__version__ = "0.1.0"
