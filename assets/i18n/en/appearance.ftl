# The "Display" window: interface size, reading font, contrast.
appearance-open = Display
appearance-open-tooltip = Display: text size, reading font and contrast
appearance-title = Display
appearance-size = Interface size
appearance-smaller = Smaller
appearance-larger = Larger
appearance-normal-size = Normal size
appearance-percent = { $percent } %
appearance-shortcut = Shortcut: { $keys }
appearance-font = Reading font
appearance-font-andika = Andika: for beginning readers
appearance-font-ubuntu = Ubuntu: thinner, more text per line
appearance-font-b612 = B612: very legible, for low vision
appearance-high-contrast = High contrast
appearance-high-contrast-tooltip = Black text on white, buttons framed in black: easier to read for low vision
appearance-close = Close
