/**
 * What a module contributes to the region's pages: tiles on the citizen portal ({@code /}), entries in the officer
 * back office's menu, and the pages behind them. The platform owns the layout, the session, CSRF checks, the
 * language and the escaping; a module registers services and ships its templates and messages in its own bundle:
 * <ul>
 *   <li>{@link id.gapura.api.ui.UiContribution}: the module's tiles, menu entries and tracking numbers, one
 *       service per module;</li>
 *   <li>{@link id.gapura.api.ui.Page}: one service per page, answering below {@code /layanan/<id>/} (citizens)
 *       or {@code /kantor/<id>/} (officers);</li>
 *   <li>in the bundle, {@code ui/templates/*.ftlh} (FreeMarker, HTML auto-escaping), {@code ui/messages.properties}
 *       (Bahasa Indonesia) and {@code ui/messages_en.properties}, and {@code ui/static/} served at
 *       {@code /aset/<id>/}.</li>
 * </ul>
 * The module is told apart by its bundle's {@code Gapura-Module-Id} header: a service of a bundle without one is
 * ignored. What a module registers appears on the pages as soon as it is registered and disappears with it.
 */
@Export
@Version("1.0.0")
package id.gapura.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
