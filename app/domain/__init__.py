"""Pure rules on plain values; the standard library only."""
