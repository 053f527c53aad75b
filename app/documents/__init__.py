"""Official papers as one neutral document (``model``) and three renderers.

``render_pdf.render_pdf``, ``render_docx.render_docx`` and ``render_xlsx.render_xlsx``
are imported from their own modules, on demand: importing this package or the
model loads none of reportlab, python-docx or openpyxl.
"""
