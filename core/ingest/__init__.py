"""Import orchestration: files, folders, links and pasted text into a project (readers + store)."""
