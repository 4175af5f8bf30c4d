# Tutorials: start screen and coach panel (tutorial texts live in assets/tutorials).
