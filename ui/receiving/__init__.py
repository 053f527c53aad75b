"""The receiving (Tổng hợp) mode's window: thin widgets over ``app/receiving``."""
