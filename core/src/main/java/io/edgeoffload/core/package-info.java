/** Key interfaces shared by every scheme: environments, policies, spaces. */
package io.edgeoffload.core;
