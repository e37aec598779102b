"""The embedded servers `reloop run` and the tests start."""

from pathlib import Path

from redis import Redis

from reloop.runtime.embedded import EmbeddedRedis


def test_redis_can_be_stopped_once_started_and_a_restart_keeps_its_port(tmp_path: Path) -> None:
    server = EmbeddedRedis(tmp_path)
    url = server.start()
    try:
        # Redis listens before it writes its pid file; without it `stop()` cannot find it.
        assert server.running_pid() is not None
        clients = [Redis.from_url(url) for _ in range(3)]
        for client in clients:
            assert client.ping()
        # Stopping closes the clients' connections from the server's side, which leaves
        # them in TIME_WAIT on the server's port.
        server.stop()
        for client in clients:
            client.close()

        assert server.start() == url
        assert Redis.from_url(url).ping()
    finally:
        server.stop()
