"""The compose stack's reverse proxy: the only door, and the one that says who the client is."""

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from tests.support.services import nginx_path

ROOT = Path(__file__).resolve().parents[2]
NGINX_CONF = ROOT / "docker/nginx/kennisplatform.conf"


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def parse_nginx(text: str):
    """nginx configuration as nested (directive, [args], children) tuples."""
    text = re.sub(r"#[^\n]*", "", text)
    tokens = re.findall(r'"[^"]*"|[{};]|[^\s{};]+', text)

    def block(position):
        directives, words = [], []
        while position < len(tokens):
            token = tokens[position]
            position += 1
            if token == ";":
                directives.append((words[0], words[1:], []))
                words = []
            elif token == "{":
                children, position = block(position)
                directives.append((words[0], words[1:], children))
                words = []
            elif token == "}":
                return directives, position
            else:
                words.append(token.strip('"'))
        return directives, position

    return block(0)[0]


def find(directives, name):
    return [d for d in directives if d[0] == name]


def https_server():
    servers = find(parse_nginx(NGINX_CONF.read_text()), "server")
    return next(s for s in servers if any("443" in d[1] for d in find(s[2], "listen")))


def locations():
    return {d[1][0]: d[2] for d in find(https_server()[2], "location")}


def test_the_proxy_is_the_only_door_and_the_app_believes_exactly_it():
    services = compose()["services"]
    proxy = services["proxy"]
    assert proxy["build"]["context"] == "docker/nginx"
    assert proxy["build"]["additional_contexts"]["app"] == "service:web"  # static files of this release
    assert set(proxy["ports"]) == {"80:80", "443:443"}
    assert proxy["depends_on"]["web"]["condition"] == "service_healthy"
    assert "healthcheck" in proxy
    # web is not published: nobody can skip the proxy and forge X-Forwarded-For.
    assert "ports" not in services["web"]
    assert "--proxy-headers" not in services["web"]["command"]
    assert services["web"]["environment"]["TRUSTED_PROXY_COUNT"] == "1"


def test_every_proxied_location_overwrites_x_forwarded_for():
    for path, body in locations().items():
        if not find(body, "proxy_pass"):
            continue
        headers = {d[1][0].lower(): " ".join(d[1][1:]) for d in find(body, "proxy_set_header")}
        assert headers["x-forwarded-for"] == "$remote_addr", path  # never $proxy_add_x_forwarded_for
        assert headers["x-forwarded-proto"] == "$scheme", path
        assert headers["host"] == "$host", path
    assert "proxy_add_x_forwarded_for" not in NGINX_CONF.read_text()


def test_websockets_static_files_and_the_upload_limit():
    routes = locations()
    websocket = {d[1][0]: d[1][1] for d in find(routes["/ws/"], "proxy_set_header")}
    assert websocket["Upgrade"] == "$http_upgrade" and websocket["Connection"] == "$connection_upgrade"
    assert find(routes["/ws/"], "proxy_http_version")[0][1] == ["1.1"]

    static_root = find(routes["/static/"], "alias")[0][1][0]
    assert f"/app/var/static {static_root.rstrip('/')}" in (ROOT / "docker/nginx/Dockerfile").read_text()

    server = https_server()[2]
    limit = find(server, "client_max_body_size")[0][1][0]
    assert limit == f"{settings.REQUEST_BODY_MAX_BYTES // (1024 * 1024)}m"
    error_page = find(server, "error_page")[0][1]
    assert error_page[0] == "413" and (ROOT / "static" / error_page[1].removeprefix("/static/")).is_file()


@pytest.mark.nginx
def test_nginx_accepts_the_configuration(tmp_path):
    """``nginx -t`` on the real file; only what differs outside compose is swapped."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(tmp_path / "privkey.pem"), "-out", str(tmp_path / "fullchain.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = NGINX_CONF.read_text().replace("server web:8000;", "server 127.0.0.1:8000;")
    site = site.replace("/etc/nginx/certs/", f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run([nginx_path(), "-t", "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
