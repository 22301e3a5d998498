from wagtail import hooks

from kennisbank import from_discussion, page_creation, review, review_admin

hooks.register("before_create_page", page_creation.create_once)
hooks.register("after_create_page", page_creation.remember_creation)
hooks.register("register_log_actions", review.register_log_actions)
hooks.register("register_log_actions", from_discussion.register_log_actions)
hooks.register("register_admin_urls", review_admin.urls)
hooks.register("register_page_header_buttons", review_admin.header_buttons)
hooks.register("register_page_listing_more_buttons", review_admin.listing_buttons)
hooks.register("construct_homepage_panels", review_admin.add_panel)
hooks.register("before_edit_page", review_admin.remember_date_before_edit)
hooks.register("after_edit_page", review_admin.record_check_from_editor)
