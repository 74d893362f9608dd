"""Learn: which muscles work harder backward, and what the EMG data do and do not show.

Words and sources: content/muscles.md.
"""

from ui import learn

learn.render("muscles")
