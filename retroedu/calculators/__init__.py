"""View models: a calculator's inputs in, everything its page, CSV and handout show out."""
