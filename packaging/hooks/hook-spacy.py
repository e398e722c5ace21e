"""spaCy for the frozen app: its data files, submodules and package metadata.

Replaces the contributed hook (user hooks take priority) to leave out spaCy's
test suite, which would drag pytest into the bundle, and to add the metadata
of spaCy and its plug-in packages: spaCy's registries find plug-ins such as
spacy-legacy's architectures through entry points, which need it.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata


def _not_tests(name: str) -> bool:
    return ".tests" not in name


datas = collect_data_files("spacy", excludes=["**/tests/**"])
for package in ("spacy", "spacy_legacy", "spacy_loggers", "thinc"):
    datas += copy_metadata(package)
hiddenimports = collect_submodules("spacy", filter=_not_tests)
hiddenimports += collect_submodules("spacy_legacy", filter=_not_tests)
hiddenimports += collect_submodules("spacy_loggers", filter=_not_tests)
