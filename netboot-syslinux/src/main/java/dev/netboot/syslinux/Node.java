package dev.netboot.syslinux;

/**
 * One element of a menu, in file order: a {@link Directive}, a {@link Label} with the
 * directives of its section, or a {@link SubMenu}.
 */
public sealed interface Node permits Directive, Label, SubMenu {}
