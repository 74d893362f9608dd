"""Learn: what backward walking has been tested for in rehabilitation, and how to do it safely.

Words, sources, the stop-and-see-a-clinician box and the teach-back check: content/rehab_safety.md.
"""

from ui import learn

learn.render("rehab_safety")
