/** See the package's types; versioned for OSGi semantic versioning. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.jiandu.api.guard;
