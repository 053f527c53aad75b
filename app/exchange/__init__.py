"""What the commune and the province exchange besides the papers: the package data file, the appraisal result."""
