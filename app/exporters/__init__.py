"""What leaves the machine: papers written to a folder, later the package for the superior level."""
