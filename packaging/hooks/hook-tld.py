"""tld reads its own data files at run time (settings, word lists): bundle them."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("tld", excludes=["**/tests/**"])
