"""Importers: read a commune's plan (pasted text, .txt or .docx) into plain values; no database, no Qt."""

from app.importers.plan_file import parse_plan_text, read_plan_file
from app.importers.plan_model import ImportedPlan, ImportedTask, to_json_dict

__all__ = ["ImportedPlan", "ImportedTask", "parse_plan_text", "read_plan_file", "to_json_dict"]
