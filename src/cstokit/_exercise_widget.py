"""How an exercise shows in a notebook: its question as text and HTML, and its ipywidgets controls.

The controls follow the exercise's ``shape`` (``one``: a dropdown; ``many``: checkboxes;
``per-item``: a dropdown per item) and their "Check" button calls the same
``exercise.check`` as code does. ipywidgets is imported only when controls are built.
"""

from __future__ import annotations

import html

from ._exercise_feedback import Feedback
from ._html import render
from ._text import t


def question_text(exercise) -> str:
    """The question as plain text: title, question, items, choices and how to answer in code."""
    colon = t("exercise.colon")
    out = [f"{t('exercise.word')} {exercise.exercise_id}{colon}{exercise.title}", ""]
    out.append(exercise.question())
    for n, (item_id, text) in enumerate(exercise.items(), 1):
        out.append(f"  {n}. [{item_id}] {text}")
    if exercise.shape == "grid":
        first = exercise.items()[0][0]
        for column, label in exercise.columns():
            if column == "consultation":  # each treaty's own article numbers
                values = t("exercise.grid.consultation_values")
            else:
                values = " | ".join(v for _, v in exercise.column_options(first, column))
            out.append(f"  {column} ({label}): {values}")
    labels = [label for label, _ in exercise.options()]
    if labels and exercise.shape != "per-item":
        out.append(t("exercise.choices", choices="; ".join(labels)))
    elif labels:
        out.append(t("exercise.verdicts", verdicts=", ".join(labels)))
    out.append(exercise.how_to_answer())
    return "\n".join(out)


def question_html(exercise) -> str:
    """The question as HTML (templates/exercise.html.j2): it survives a saved notebook."""
    return render(
        "exercise.html.j2",
        word=t("exercise.word"),
        exercise_id=exercise.exercise_id,
        colon=t("exercise.colon"),
        title=exercise.title,
        question=exercise.question(),
        items=exercise.items(),
        how_to_answer=exercise.how_to_answer(),
    )


def _one(exercise, w) -> tuple[dict, list]:
    control = w.Dropdown(
        options=[(t("exercise.choose"), None)] + exercise.options(),
        value=None,
        description=t("exercise.answer"),
        layout=w.Layout(width="max-content"),
    )
    return {"answer": control}, [control]


def _many(exercise, w) -> tuple[dict, list]:
    options = exercise.options()
    controls = {
        value: w.Checkbox(
            value=False, description=label, indent=False, layout=w.Layout(width="auto")
        )
        for label, value in options
    }
    # Short labels (countries, obligations) in three columns; long ones (treaty names)
    # one per line, so no label is cut.
    columns = 3 if max(len(label) for label, _ in options) <= 24 else 1
    grid = w.GridBox(
        list(controls.values()),
        layout=w.Layout(grid_template_columns=f"repeat({columns}, max-content)", grid_gap="0 16px"),
    )
    return controls, [grid]


def _per_item(exercise, w) -> tuple[dict, list]:
    controls, body = {}, []
    for n, (item_id, text) in enumerate(exercise.items(), 1):
        drop = w.Dropdown(
            options=[(t("exercise.choose"), None)] + exercise.options(),
            value=None,
            layout=w.Layout(width="10em"),
        )
        controls[item_id] = drop
        # An HTML widget wraps a long claim; a Label would cut it.
        label = w.HTML(f"{n}. {html.escape(text)}")
        body.append(w.HBox([drop, label], layout=w.Layout(align_items="center")))
    return controls, body


def _grid(exercise, w) -> tuple[dict, list]:
    """A table of dropdowns: a row per item, a column per question of the grid."""
    columns = exercise.columns()
    cells: list = [w.HTML("")] + [w.HTML(f"<b>{html.escape(label)}</b>") for _, label in columns]
    controls: dict = {}
    for item_id, text in exercise.items():
        cells.append(w.HTML(html.escape(text)))
        row = {}
        for column, _ in columns:
            drop = w.Dropdown(
                options=[("—", None)] + exercise.column_options(item_id, column),
                value=None,
                layout=w.Layout(width="9.5em"),
            )
            row[column] = drop
            cells.append(drop)
        controls[item_id] = row
    grid = w.GridBox(
        cells,
        layout=w.Layout(
            grid_template_columns=f"5em repeat({len(columns)}, max-content)",
            grid_gap="4px 6px",
            overflow="auto",
        ),
    )
    return controls, [grid]


_BUILDERS = {"one": _one, "many": _many, "per-item": _per_item, "grid": _grid}


def _read(shape: str, controls: dict):
    """The answer the controls hold, in the shape ``check`` takes."""
    if shape == "one":
        return controls["answer"].value
    if shape == "many":
        # Ticking nothing is an answer too ("none of them"), once the button is pressed.
        return [value for value, box in controls.items() if box.value]
    if shape == "grid":
        return {item: {c: d.value for c, d in row.items()} for item, row in controls.items()}
    return {item: drop.value for item, drop in controls.items()}


def exercise_widget(exercise):
    """The control for live use: choices, a "Check" button and the feedback below it."""
    import ipywidgets as w

    controls, body = _BUILDERS[exercise.shape](exercise, w)
    status = w.HTML(value="")
    button = w.Button(description=t("exercise.button"), button_style="primary", icon="check")
    box = ExerciseBox(body + [button, status])
    box.exercise_id = exercise.exercise_id
    box.controls = controls
    box.status_html = status
    box.button = button
    box.read_answer = lambda: _read(exercise.shape, controls)

    def on_click(_button):
        try:
            feedback = exercise.check(box.read_answer())
        except Exception as exc:  # noqa: BLE001 - shown to the student, never a traceback
            feedback = Feedback(
                exercise.exercise_id, "wrong", t("exercise.could_not_check", error=exc)
            )
        box.feedback = feedback
        status.value = feedback._repr_html_()

    button.on_click(on_click)
    return box


_BOX_CLASS = None


def ExerciseBox(children):  # noqa: N802 - reads like the widget class it builds
    """A VBox of exercise controls that reads as one short line where widgets cannot be drawn
    (a saved notebook reopened, an HTML export): ipywidgets would print its whole repr.
    """
    global _BOX_CLASS
    if _BOX_CLASS is None:
        import ipywidgets as w

        class _ExerciseBox(w.VBox):
            feedback: Feedback | None = None
            exercise_id = ""

            def __repr__(self) -> str:
                return t("exercise.box", exercise_id=self.exercise_id)

        _BOX_CLASS = _ExerciseBox
    return _BOX_CLASS(children)
