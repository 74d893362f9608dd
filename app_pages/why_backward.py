"""Learn: why go backward, the overview.

Words and sources: content/why_backward.md.
"""

from ui import learn

learn.render("why_backward")
