"""Services: one function per user action, called alike by the GUI and the CLI.

Each writing service checks permission and input, then does all its writes and their audit
events in one transaction: the change is wholly there or wholly absent.
"""
