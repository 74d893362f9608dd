"""Learn: every source, grouped by evidence level, with links back to the pages citing it."""

from ui import learn

learn.render_reference_list()
