"""The JSON Schema for editors: valid, true to every real bank, and in step with the loader.

The schema is read by YAML editors (yaml-language-server), which follow YAML 1.2: `no` and
`1969-09-25` are text there, `True` is a boolean. PyYAML's safe_load follows YAML 1.1 and turns
those into False and a date, so the agreement files are read as an editor reads them, with the
YAML 1.2 core schema below; the bundled banks are also checked as safe_load reads them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from quiz.bank import loader
from quiz.bank.loader import load_bank
from quiz.bank.schema import SCHEMA_FILE, SCHEMA_ID, modeline, schema, write_beside

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parent / "questions"
SAMPLES = HERE / "banks_schema"


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema: what an editor sees. No yes/no booleans, no dates, no sexagesimals."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    Yaml12Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first)
    )


def _int12(constructor: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    value = node.value
    if value.startswith(("0o", "0x")):
        return int(value[2:], 8 if value[1] == "o" else 16)
    return int(value)


def _float12(constructor: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    value = node.value.lower()
    if value.endswith(".inf"):
        return float(value.replace(".inf", "inf"))
    return float("nan") if value == ".nan" else float(value)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float12)


def as_editor_reads(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(schema())


def error_paths(validator, data: object) -> set[str]:
    """The JSON paths of every error, including those inside anyOf branches."""
    paths: set[str] = set()
    pending = list(validator.iter_errors(data))
    while pending:
        error = pending.pop()
        paths.add(error.json_path)
        pending.extend(error.context or ())
    return paths


def expectations(path: Path) -> dict[str, str]:
    """The `# loader: ...` and `# schema: ...` lines at the top of a sample file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"# (loader|schema): (.+)", line)
        if match:
            found[match[1]] = match[2].strip()
    return found


def samples(kind: str) -> list[Path]:
    return sorted((SAMPLES / kind).glob("*.yaml"))


def ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


BUNDLED_BANKS = sorted(BUNDLED.rglob("*.yaml"))
GOOD, BAD, LOADER_ONLY = samples("good"), samples("bad"), samples("loader-only")


# -- the schema itself -----------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    document = schema()
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(document)


def test_the_schema_lives_at_the_url_editors_are_given() -> None:
    assert schema()["$id"] == SCHEMA_ID
    assert modeline() == f"# yaml-language-server: $schema={SCHEMA_FILE}"


def test_the_schema_explains_its_choice_of_types() -> None:
    assert "every text field accepts a string, a number or a boolean" in schema()["description"]


def test_the_schema_prints_as_the_cli_prints_it() -> None:
    text = json.dumps(schema(), indent=2, ensure_ascii=False)
    assert json.loads(text) == schema()


def test_the_schema_knows_the_keys_the_loader_knows() -> None:
    document = schema()
    question = document["$defs"]["question"]
    mapping = document["$defs"]["choice"]["anyOf"][1]
    assert set(document["properties"]) == set(loader.BANK_KEYS)
    assert set(question["properties"]) == set(loader.QUESTION_KEYS)
    assert set(mapping["properties"]) == set(loader.CHOICE_KEYS)
    assert question["properties"]["choices"]["minItems"] == loader.MIN_CHOICES
    assert question["properties"]["choices"]["maxItems"] == loader.MAX_CHOICES


def test_the_schema_checks_languages_as_the_loader_does() -> None:
    pattern = schema()["properties"]["language"]["pattern"]
    assert pattern == r"^\s*" + loader._LANGUAGE.pattern.replace("(?:", "(") + r"\s*$"


def test_the_schema_uses_only_keywords_draft_07_editors_understand() -> None:
    newer = {"prefixItems", "unevaluatedProperties", "unevaluatedItems", "dependentRequired",
             "dependentSchemas", "$dynamicRef", "$dynamicAnchor", "$anchor", "minContains",
             "maxContains", "$vocabulary"}  # fmt: skip
    text = json.dumps(schema())
    assert not [word for word in newer if f'"{word}"' in text]


# -- real banks ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", BUNDLED_BANKS, ids=[p.name for p in BUNDLED_BANKS])
def test_every_bundled_bank_is_valid(validator, path: Path) -> None:
    assert load_bank(path).errors == []
    for data in (yaml.safe_load(path.read_text(encoding="utf-8")), as_editor_reads(path)):
        assert error_paths(validator, data) == set()


def test_there_are_bundled_banks() -> None:
    assert len(BUNDLED_BANKS) >= 4


def test_every_test_bank_the_loader_accepts_is_valid(validator) -> None:
    """No false alarms: any bank in tests/ that loads without errors passes the schema too."""
    checked = []
    for path in sorted(HERE.rglob("*.y*ml")):
        if load_bank(path).errors:
            continue
        assert error_paths(validator, as_editor_reads(path)) == set(), path
        checked.append(path)
    assert len(checked) >= len(GOOD)


# -- the schema and the loader agree ---------------------------------------------------------------


@pytest.mark.parametrize("path", GOOD, ids=ids(GOOD))
def test_good_files_pass_both(validator, path: Path) -> None:
    assert load_bank(path).problems == []
    assert error_paths(validator, as_editor_reads(path)) == set()


@pytest.mark.parametrize("path", BAD, ids=ids(BAD))
def test_bad_files_fail_both_at_the_same_place(validator, path: Path) -> None:
    expect = expectations(path)
    messages = [p.message for p in load_bank(path).errors]
    assert any(expect["loader"] in m for m in messages), messages
    assert expect["schema"] in error_paths(validator, as_editor_reads(path))


@pytest.mark.parametrize("path", LOADER_ONLY, ids=ids(LOADER_ONLY))
def test_loader_only_rules_pass_the_schema_and_fail_the_loader(validator, path: Path) -> None:
    """What JSON Schema cannot say: these mistakes show up in `quiz check`, not in the editor."""
    expect = expectations(path)
    messages = [p.message for p in load_bank(path).errors]
    assert any(expect["loader"] in m for m in messages), messages
    assert error_paths(validator, as_editor_reads(path)) == set()


def test_each_kind_of_sample_is_there() -> None:
    assert len(GOOD) >= 6 and len(BAD) >= 25 and len(LOADER_ONLY) >= 8


def test_numbers_and_dates_are_text_to_editors_too(validator) -> None:
    """The reason for the YAML 1.2 reading: safe_load makes `1969-09-25` a date."""
    path = SAMPLES / "good" / "numbers-dates-and-booleans.yaml"
    assert error_paths(validator, as_editor_reads(path)) == set()
    assert error_paths(validator, yaml.safe_load(path.read_text(encoding="utf-8"))) != set()


def test_the_schema_is_written_beside_a_bank_once(tmp_path):
    bank = tmp_path / "world.yaml"
    written = write_beside(bank)
    assert written == tmp_path / SCHEMA_FILE
    assert json.loads(written.read_text(encoding="utf-8")) == schema()
    written.write_text("{}", encoding="utf-8")
    assert write_beside(bank) is None
    assert written.read_text(encoding="utf-8") == "{}"


def test_a_schema_of_an_older_format_beside_a_bank_is_replaced(tmp_path):
    bank = tmp_path / "world.yaml"
    written = tmp_path / SCHEMA_FILE
    written.write_text('{"$id": "urn:quiz:bank-schema:1.1"}', encoding="utf-8")
    assert write_beside(bank) == written
    assert json.loads(written.read_text(encoding="utf-8")) == schema()
    # A newer quiz's schema, and anyone else's, are left alone.
    for kept in ('{"$id": "urn:quiz:bank-schema:9.0"}', '{"$id": "urn:other:1.0"}', "not json"):
        written.write_text(kept, encoding="utf-8")
        assert write_beside(bank) is None
        assert written.read_text(encoding="utf-8") == kept


def test_the_schema_describes_sources() -> None:
    document = schema()
    question = document["$defs"]["question"]["properties"]
    assert document["properties"]["source"]["$ref"] == "#/$defs/optionalText"
    assert question["source"]["$ref"] == "#/$defs/optionalText"
    assert document["$id"].endswith(":1.3")


def test_the_schema_knows_the_text_formats() -> None:
    assert schema()["properties"]["format"]["enum"] == ["plain", "markdown"]
