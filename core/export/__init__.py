"""Exports of a project: the Excel workbook, CSV files, the story comparison page."""
