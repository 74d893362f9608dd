"""Learn: trunk, head and arms when moving backward, with a labelled schematic.

Words, sources and the schematic's labels: content/posture.md.
"""

from ui import learn

learn.render(
    "posture",
    hooks={
        "posture_schematic": learn.figure_hook(
            "posture",
            "posture",
            filename="retroedu-backward-posture-schematic",
            caption="schematic_caption",
        )
    },
)
