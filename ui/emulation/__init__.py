"""The emulation evaluation screen's parts: subjects table model, marks panel, undo commands."""
