"""py3langid reads its language model (data/model.npz.xz) from its package folder at run time: bundle it."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("py3langid")
