"""The Linux desktop entry, the MIME type and their per-user installer."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core.project import SUFFIX

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / "newsprism.desktop"
MIME_XML = LINUX / "newsprism.xml"
INSTALLER = LINUX / "install_desktop.sh"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
MIME_TYPE = "application/x-newsprism"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

needs_sh = pytest.mark.skipif(shutil.which("sh") is None or os.name == "nt", reason="needs a POSIX shell")


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_opens_files_and_project_files():
    entry = desktop_entry(DESKTOP)

    assert entry["Type"] == "Application"
    assert entry["Name"] == "Newsprism"
    assert entry["Icon"] == "newsprism"
    assert entry["Terminal"] == "false"
    assert entry["Exec"].endswith(" %F")  # several files: a drop on the icon
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Categories"].endswith(";") and entry["MimeType"].endswith(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_mime_type_globs_the_project_suffix():
    root = ET.parse(MIME_XML).getroot()

    assert root.tag == f"{MIME_NS}mime-info"
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == [f"*{SUFFIX}"]
    assert mime.find(f"{MIME_NS}comment").text == "Newsprism project"


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "my apps" / "newsprism"
    path.parent.mkdir()
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


def run_installer(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(INSTALLER), *args], capture_output=True, text=True)


@needs_sh
def test_install_puts_entry_icons_and_mime_type_in_the_user_data_folder(data_home, program):
    result = run_installer("install", str(program))

    assert result.returncode == 0, result.stderr
    entry = desktop_entry(data_home / "applications" / "newsprism.desktop")
    assert entry["Exec"] == f'"{program}" %F'
    assert entry["TryExec"] == str(program)
    assert (data_home / "mime" / "packages" / "newsprism.xml").read_bytes() == MIME_XML.read_bytes()
    for size in ICON_SIZES:
        assert (data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "newsprism.png").is_file()
        assert (data_home / "icons" / "hicolor" / f"{size}x{size}" / "mimetypes" / "application-x-newsprism.png").is_file()
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / "newsprism.svg").is_file()


@needs_sh
@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info not installed")
def test_installed_mime_database_maps_the_suffix_to_the_type(data_home, program):
    assert run_installer("install", str(program)).returncode == 0

    globs = (data_home / "mime" / "globs2").read_text().splitlines()
    assert f"60:{MIME_TYPE}:*{SUFFIX}" in globs


@needs_sh
@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_installed_entry_is_valid(data_home, program):
    assert run_installer("install", str(program)).returncode == 0

    desktop = data_home / "applications" / "newsprism.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@needs_sh
def test_uninstall_removes_what_install_added(data_home, program):
    assert run_installer("install", str(program)).returncode == 0

    result = run_installer("uninstall")

    assert result.returncode == 0, result.stderr
    left = [p for p in data_home.rglob("*") if p.is_file() and "newsprism" in p.name]
    assert left == []


@needs_sh
@pytest.mark.parametrize("bad", ["relative/newsprism", "/no/such/newsprism"])
def test_install_refuses_a_program_it_cannot_run(data_home, bad):
    result = run_installer("install", bad)

    assert result.returncode != 0
    assert bad in result.stderr
    assert not (data_home / "applications" / "newsprism.desktop").exists()
