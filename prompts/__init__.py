"""Jinja2 prompt templates for the LLM drafters, shipped in the wheel (see README.md here)."""

from pathlib import Path

PROMPTS_DIR = Path(__file__).parent
