"""One builder per official paper: read models in, a neutral ``Document`` out."""
