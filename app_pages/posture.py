"""Learn: trunk, head and arms when moving backward.

Words and sources: content/posture.md.
"""

from ui import learn

learn.render("posture")
