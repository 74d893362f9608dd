"""Learn: why go backward, the overview.

Words and sources: content/why_backward.md.
"""

from ui import learn_view

learn_view.render("why_backward")
