"""RetroEdu's logic: physiology models, unit conversions, content loading. Never imports streamlit."""

__version__ = "0.1.0"
