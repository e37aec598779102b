"""Generated product photos for the demo listings (Pillow only)."""
