"""The Korean interface: the catalogue is complete and sound, --lang ko shows it, en does not."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QToolBar

from gui.app import FlagError, build_parser
from gui.i18n import I18N_FOLDER, catalogue, choose_language, install_translators, remove_translators
from gui.spec_fields import task_option_field
from gui.task_words import WORDS, task_text
from plugin_host.task_messages import OptionMessage
from tasks import TASKS
from training.spec import RunSpec

TS_FILE = I18N_FOLDER / "gatelab_ko.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|%[a-zA-Z]")  # {0}, {0:.3g}, {name}, %1, %v
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ACCELERATOR = re.compile(r"&([^&\s])")
SPEC = RunSpec(task="adding", length=20, cells=("RNN", "LSTM", "GRU"), steps=10)


def messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message in the .ts."""
    root = ET.parse(TS_FILE).getroot()
    return [(context.findtext("name"), message.findtext("source"), message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


@pytest.fixture
def korean(qapp):
    translators = install_translators(qapp, "ko")
    yield translators
    remove_translators(qapp, translators)


# ---- the catalogue ----------------------------------------------------------------
def test_every_message_is_translated():
    found = messages()
    assert len(found) > 100
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        assert translation is not None, where
        assert translation.get("type") is None, f"{where} is {translation.get('type')}"
        assert (translation.text or "").strip(), f"{where} has an empty translation"


def test_translations_keep_placeholders_tags_and_accelerators():
    for context, source, translation in messages():
        text = translation.text or ""
        where = f"{context}: {source!r} -> {text!r}"
        assert Counter(PLACEHOLDER.findall(text)) == Counter(PLACEHOLDER.findall(source)), where
        assert Counter(TAG.findall(text)) == Counter(TAG.findall(source)), where
        keys = [k.lower() for k in ACCELERATOR.findall(source)]
        assert [k.lower() for k in ACCELERATOR.findall(text)] == keys, where
        assert text.count("\n") == source.count("\n"), where


def test_compiled_catalogue_matches_the_ts():
    """The committed .qm was compiled from the committed .ts (run lrelease after editing)."""
    translator = QTranslator()
    assert translator.load(str(catalogue("ko")))
    for context, source, translation in messages():
        assert translator.translate(context, source) == translation.text, f"{context}: {source!r}"


# ---- choosing the language ------------------------------------------------------------
def test_lang_flag():
    assert build_parser().parse_args(["--lang", "ko"]).lang == "ko"
    assert build_parser().parse_args([]).lang is None  # the system's language
    with pytest.raises(FlagError):
        build_parser().parse_args(["--lang", "xx"])


def test_choose_language():
    assert choose_language("ko") == "ko"
    assert choose_language("en") == "en"
    assert choose_language("xx") == "en"  # a language we have no catalogue for
    assert choose_language(None) in ("en", "ko")


def test_english_installs_nothing(qapp):
    assert install_translators(qapp, "en") == []
    assert QCoreApplication.translate("MainWindow", "Start") == "Start"


def test_missing_catalogue_is_english_not_a_crash(qapp, tmp_path, capsys):
    assert install_translators(qapp, "ko", folder=tmp_path) == []
    assert QCoreApplication.translate("MainWindow", "Start") == "Start"
    assert "using English" in capsys.readouterr().err


# ---- the window ------------------------------------------------------------------
def test_korean_window(korean, make_window):
    assert len(korean) == 2  # GateLab's catalogue and Qt's qtbase_ko
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    window = make_window(SPEC)
    assert window.start_action.text() == "시작"
    assert window.step_action.text() == "한 단계"
    assert window.reset_action.text() == "초기화"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["파일(&F)", "실행(&R)", "보기(&V)"]
    toolbar = window.findChild(QToolBar)
    assert toolbar.windowTitle() == "실행"
    assert [a.text() for a in toolbar.actions()][:3] == ["시작", "한 단계", "초기화"]
    assert window.controls_dock.windowTitle() == "설정"
    assert window.table_dock.windowTitle() == "비교"
    assert window.loss.title.text() == "손실과 지표 (점선: 우연 수준)"
    window.loss._label_plots(TASKS["adding"].metric_name)  # as when a run's data arrive
    assert window.loss.title.text() == "손실과 정확도 (점선: 우연 수준)"
    assert window.gradient_time.title.text().startswith("시간에 따른 기울기")
    assert window.gradient_history.title.text().startswith("기울기 이력")
    assert window.gates.title.text() == "게이트"
    assert window.table.horizontalHeaderItem(4).text() == "손실"
    assert window.state_label.text() == "준비: Space 키를 누르면 시작"


def test_english_window(qapp, make_window):
    assert install_translators(qapp, "en") == []
    window = make_window(SPEC)
    assert window.start_action.text() == "Start"
    assert [action.text() for action in window.menuBar().actions()][:3] == ["&File", "&Run", "&View"]
    assert window.controls_dock.windowTitle() == "Controls"
    window.loss._label_plots(TASKS["adding"].metric_name)
    assert window.loss.title.text() == "Loss and accuracy (dashed: chance)"


def test_the_catalogue_holds_every_string_the_sources_mark_for_translation(tmp_path):
    """A new tr() string fails here until lupdate/lrelease are rerun and it is translated."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    copy = tmp_path / "gatelab_ko.ts"
    shutil.copy(TS_FILE, copy)
    root = TS_FILE.resolve().parents[2]
    sources = sorted(str(p) for p in (root / "gui").rglob("*.py"))
    result = subprocess.run([str(lupdate), "-no-obsolete", *sources, "-ts", str(copy)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert 'type="unfinished"' not in copy.read_text(encoding="utf-8")


# ---- words from the core (tasks/, cells/), translated at display time ------------------
HANGUL = re.compile("[가-힣]")
ENGLISH_WORD = re.compile("[A-Za-z]{3,}")
NAMES = {"adam", "sgd", "rmsprop", "float32", "float64", "cpu", "cuda", "GateLab",
         "Export...", "Export"}  # identifiers a user types or reads as names; pyqtgraph's menu


def core_words() -> set[str]:
    """Every English string that tasks/ and the built-in cells hand to the window."""
    import cells

    words: set[str] = set()
    for task in TASKS.values():
        words |= {task.name, task.description, task.metric_name, task.metric_name.split(" (")[0]}
        for option in task.options():
            field = task_option_field(OptionMessage.of(option))
            words |= {field.label, field.tooltip}
    for path in Path(cells.__file__).parent.glob("*.py"):
        words |= set(re.findall(r'self\.record\("([^"]+)"', path.read_text(encoding="utf-8")))
    return words


def test_every_task_option_metric_and_gate_word_is_in_the_catalogue(korean):
    """A new task, option or built-in gate fails here until gui/task_words.py lists
    it and the catalogue translates it."""
    words = core_words()
    assert {"adding", "Tolerance", "accuracy (|error| < tolerance)", "forget f"} <= words
    assert words <= WORDS, sorted(words - WORDS)
    for word in words:
        assert HANGUL.search(task_text(word)), word
    assert task_text("forget f") == "망각 게이트 f"  # GLOSSARY's terms
    assert task_text("update z") == "업데이트 게이트 z"


def visible_english(window) -> list[str]:
    """Texts and tooltips of the window's widgets and actions that are English
    words without any Korean (names such as adam or cuda aside)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QWidget

    found = []

    def check(where: str, text: str) -> None:
        plain = TAG.sub("", text or "").strip()
        if plain and plain not in NAMES and ENGLISH_WORD.search(plain) and not HANGUL.search(plain):
            found.append(f"{where}: {plain}")

    for widget in window.findChildren(QWidget):
        kind = type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            check(kind, widget.text())
        if isinstance(widget, QGroupBox):
            check(kind, widget.title())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                check(f"{kind} item", widget.itemText(i))
                check(f"{kind} item tip", widget.itemData(i, Qt.ItemDataRole.ToolTipRole))
        check(f"{kind} tooltip", widget.toolTip())
    for action in window.findChildren(QAction):
        check("action", action.text())
        check("action tooltip", action.toolTip())
    return found


@pytest.mark.parametrize("task", list(TASKS))
def test_the_korean_window_shows_no_english_words(korean, make_window, task):
    spec = RunSpec(task=task, length=20, cells=("RNN", "LSTM", "GRU"), steps=10)
    window = make_window(spec)
    window.loss._label_plots(TASKS[task].metric_name)  # as when a run's data arrive
    assert visible_english(window) == []
    assert HANGUL.search(window.controls.task.currentText())
    assert HANGUL.search(window.loss.title.toolTip())
    assert window.controls.init.currentText() == "기본값"
    assert window.controls.spec().init == "default"  # shown translated, kept as the spec's value


def test_the_english_window_keeps_the_core_words(qapp, make_window):
    window = make_window(RunSpec(task="adding", length=20, cells=("RNN",), steps=10))
    assert window.controls.task.currentText() == "adding"
    assert window.controls.task.currentData() == "adding"


@pytest.mark.parametrize("reason, korean_words", [
    ("loss became nan at step 3", "3단계에서 손실 값이 nan(으)로 바뀌었습니다"),
    ("step 12 took longer than 5 s; the cell was stopped", "12단계가 5초보다 오래 걸려 셀을 멈췄습니다"),
    ("the worker process ended unexpectedly (exit code -9)", "(종료 코드 -9)"),
    ("ValueError: boom; no gradient reaches 1 parameter(s): w; they will never be trained",
     "ValueError: boom; 파라미터 1개에"),  # a plugin's own words stay, the known sentence after it is Korean
])
def test_training_reasons_read_in_korean(korean, reason, korean_words):
    from gui.reason_words import reason_text

    assert korean_words in reason_text(reason)
