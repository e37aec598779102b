"""The routers' order (`app.API_ROUTERS`, most requested first) only decides speed.

Routes are matched one by one in the order they were included. That order can put the
home feed first only because no route's pattern matches another route's path for a
method they share: a route listed earlier can never take a request meant for a later one.
"""

import re

from fastapi.routing import APIRoute
from starlette.routing import compile_path

from reloop.app import API_PREFIX, API_ROUTERS, HOT_ROUTES


def _routes() -> list[tuple[APIRoute, set[str]]]:
    routes = [route for router in API_ROUTERS for route in router.routes]
    assert all(isinstance(route, APIRoute) for route in routes)
    return [
        (route, route.methods)
        for route in routes
        if isinstance(route, APIRoute) and route.methods is not None
    ]


def _sample_path(route: APIRoute) -> str:
    """The route's path with a value in each parameter, as a client would send it."""
    return re.sub(r"\{[^}]+\}", "sample", API_PREFIX + route.path)


def test_no_route_answers_for_another_routes_path_and_method() -> None:
    routes = _routes()
    patterns = [compile_path(API_PREFIX + route.path)[0] for route, _ in routes]

    overlaps = [
        (route.path, sorted(methods & other_methods), other.path)
        for (route, methods), pattern in zip(routes, patterns, strict=True)
        for other, other_methods in routes
        if other is not route and methods & other_methods and pattern.match(_sample_path(other))
    ]

    assert overlaps == []


def test_every_hot_route_is_a_get_route_of_its_router_with_the_same_endpoint() -> None:
    declared = {
        (API_PREFIX + route.path, route.endpoint)
        for route, methods in _routes()
        if "GET" in methods
    }

    assert all((hot.path, hot.endpoint) in declared for hot in HOT_ROUTES)
    assert len(HOT_ROUTES) == 3
