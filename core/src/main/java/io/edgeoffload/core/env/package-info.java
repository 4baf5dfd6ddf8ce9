/** Environment wrappers (time limits) that keep such logic out of the environments. */
package io.edgeoffload.core.env;
