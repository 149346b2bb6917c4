"""Check's dbt pass keeps Jinja's compile of each template by its text (pipeline/template_cache.py).
These tests would fail if an edited template, or the same text in another kind of environment,
were given the code kept for another: a stale compile after an edit."""

from __future__ import annotations

import jinja2
from dbt_common.clients.jinja import get_template, render_template

from pipeline.template_cache import compiled_templates_kept_in


def render(text: str, native: bool = False):
    context = {"rows": [3, 1, 2]}
    return render_template(get_template(text, context, native=native), context)


def test_an_edited_template_is_compiled_again_and_an_unchanged_one_is_taken_from_the_file(tmp_path, monkeypatch):
    path = tmp_path / "templates.marshal"
    template = "{% for row in rows | sort %}{{ row }},{% endfor %}"
    with compiled_templates_kept_in(path) as first:
        assert render(template) == "1,2,3,"
    assert first.added == 1 and path.is_file()
    compiles = []
    original = jinja2.Environment.compile

    def counted(self, source, *args, **kwargs):
        compiles.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    with compiled_templates_kept_in(path) as second:
        assert render(template) == "1,2,3,"
        assert compiles == []  # from the file, not compiled again
        edited = template.replace("rows | sort", "rows | sort(reverse=true)")
        assert render(edited) == "3,2,1,"
        assert compiles == [edited]
    assert second.added == 1
    # the same text in dbt's native environment (another code generator) has code of its own
    with compiled_templates_kept_in(path):
        assert render("{{ rows | length }}", native=True) == 3
        assert render("{{ rows | length }}") == "3"
    assert len(compiles) == 3
    # outside the block, Jinja compiles as always
    assert jinja2.Environment.compile is counted


def test_a_template_that_does_not_compile_raises_and_is_not_kept(tmp_path):
    path = tmp_path / "templates.marshal"
    with compiled_templates_kept_in(path) as kept:
        try:
            render("{% for row in rows %}")
        except Exception as error:  # noqa: BLE001 - dbt wraps Jinja's syntax error
            assert "endfor" in str(error) or "end of template" in str(error)
        else:
            raise AssertionError("an unclosed block compiled")
    assert kept.added == 0


def test_entries_no_check_used_for_a_while_are_dropped(tmp_path, monkeypatch):
    import pipeline.template_cache as template_cache

    monkeypatch.setattr(template_cache, "KEEP_RUNS", 2)
    path = tmp_path / "templates.marshal"
    with compiled_templates_kept_in(path):
        render("{{ rows | first }}")
    for _ in range(2):
        with compiled_templates_kept_in(path) as later:
            render("{{ rows | last }}")
    assert len(later.entries) == 2
    # the first, used by none of the last two, was not saved again
    with compiled_templates_kept_in(path) as last:
        pass
    assert len(last.entries) == 1


def test_an_environment_with_a_filter_that_cannot_be_hashed_still_compiles(tmp_path):
    class Same:
        __hash__ = None  # an object dbt or a plugin might register as a filter

        def __call__(self, value):
            return value

    environment = jinja2.Environment()
    environment.filters["same"] = Same()
    with compiled_templates_kept_in(tmp_path / "templates.marshal") as kept:
        assert environment.from_string("{{ rows | same }}").render(rows=[1]) == "[1]"
    assert kept.added == 1
