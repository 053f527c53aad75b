"""The emulation evaluation screen's parts: subjects table model and marks panel."""
