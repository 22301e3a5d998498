from wagtail import hooks

from kennisbank import page_creation

hooks.register("before_create_page", page_creation.create_once)
hooks.register("after_create_page", page_creation.remember_creation)
