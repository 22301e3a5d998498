"""A minimal SMTP server that keeps every message it accepts (for e-mail fault tests).

Speaks just enough SMTP for Django's SMTP backend without TLS or auth: EHLO/HELO, MAIL, RCPT,
DATA, RSET, NOOP, QUIT. A message counts as delivered once the sink has answered "250" to its
DATA, as a real server takes responsibility then.
"""

from __future__ import annotations

import email
import socketserver
import threading
import time

from tests.support.faultproxy import free_port


class SMTPSink:
    def __init__(self):
        self.port = free_port()
        self.messages: list[email.message.Message] = []
        self.delay = 0.0  # seconds before answering DATA: a slow server stretches a batch
        self._lock = threading.Lock()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                self._reply("220 sink ESMTP")
                recipients, data = [], None
                while True:
                    line = self.rfile.readline()
                    if not line:
                        return
                    if data is not None:
                        if line in (b".\r\n", b".\n"):
                            message = email.message_from_bytes(b"".join(data))
                            time.sleep(sink.delay)
                            with sink._lock:
                                sink.messages.append(message)
                            data, recipients = None, []
                            self._reply("250 OK queued")
                        else:
                            data.append(line[1:] if line.startswith(b"..") else line)
                        continue
                    command = line.decode("utf-8", "replace").strip().upper()
                    if command.startswith("EHLO"):
                        self._reply("250-sink", "250 8BITMIME")
                    elif command.startswith(("HELO", "MAIL", "NOOP", "RSET")):
                        self._reply("250 OK")
                    elif command.startswith("RCPT"):
                        recipients.append(command)
                        self._reply("250 OK")
                    elif command.startswith("DATA"):
                        data = []
                        self._reply("354 go ahead")
                    elif command.startswith("QUIT"):
                        self._reply("221 bye")
                        return
                    else:
                        self._reply("502 not implemented")

            def _reply(self, *lines):
                self.wfile.write("".join(f"{line}\r\n" for line in lines).encode())
                self.wfile.flush()

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a client killed mid-message (the worker-kill test) is expected here

        self._server = Server(("127.0.0.1", self.port), Handler)

    def start(self) -> SMTPSink:
        threading.Thread(target=self._server.serve_forever, daemon=True, name="smtp-sink").start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def message_ids(self) -> list[str]:
        with self._lock:
            return [message["Message-ID"] for message in self.messages]

    def count(self) -> int:
        with self._lock:
            return len(self.messages)
