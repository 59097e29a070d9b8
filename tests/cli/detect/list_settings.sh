# Every setting, its kind, its default and what it means (docs/detect.md).
flowmon detect --list-settings
