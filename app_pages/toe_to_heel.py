"""Learn: the reversed (toe-heel-toe) foot contact and what it does to the load on the kneecap.

Words, sources, the contact phases and the knee-load numbers: content/toe_to_heel.md.
"""

from ui import learn

learn.render(
    "toe_to_heel",
    hooks={
        "contact_sequence": learn.figure_hook(
            "contact",
            "toe_to_heel",
            filename="retroedu-toe-to-heel-contact",
            caption="contact_caption",
            table="below",
        ),
        "knee_load_chart": learn.figure_hook(
            "knee_load",
            "toe_to_heel",
            filename="retroedu-kneecap-force-forward-backward",
            caption="knee_load_caption",
        ),
    },
)
