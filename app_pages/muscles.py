"""Learn: which muscles work harder backward, and what the EMG data do and do not show.

Words, sources and the muscle chart's rows: content/muscles.md.
"""

from ui import learn

learn.render(
    "muscles",
    hooks={
        "emg_chart": learn.figure_hook(
            "emg",
            "muscles",
            filename="retroedu-muscle-activity-backward",
            caption="emg_caption",
            table="folded",
        )
    },
)
