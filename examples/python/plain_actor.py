#!/usr/bin/env python3
# Pykka's "Plain actor" example; only the import is changed (pykka-glib's Python override).
import gi
gi.require_version("Pykka", "1")
from gi.repository import Pykka as pykka  # noqa: E402

GetMessages = object()


class PlainActor(pykka.ThreadingActor):
    def __init__(self):
        super().__init__()
        self.stored_messages = []

    def on_receive(self, message):
        if message is GetMessages:
            return self.stored_messages
        else:
            self.stored_messages.append(message)


if __name__ == '__main__':
    actor = PlainActor.start()
    actor.tell({'no': 'Norway', 'se': 'Sweden'})
    actor.tell({'a': 3, 'b': 4, 'c': 5})
    print(actor.ask(GetMessages))
    actor.stop()
