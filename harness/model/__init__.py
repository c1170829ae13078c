"""What every layer talks about: the notes, the claims that quote them, the
solution regions a student writes, and the words for results.

Plain Python, no pytest: the plugin, the classroom tools, the report and
the quiz all read these, and none of them owns them.
"""
