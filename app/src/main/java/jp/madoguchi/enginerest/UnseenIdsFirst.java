package jp.madoguchi.enginerest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * A request that would change something about an id the caller cannot see ({@link VisibleIds}) is
 * answered with the uniform 404 before Camunda's resource runs. Camunda answers some of them 204
 * for an id that does not exist (deleting a task, activating a process instance: nothing to change)
 * and 404 or 403 for another municipality's or department's, so the answers told which ids exist.
 * Reading requests get the same 404 when they fail ({@link EngineRestErrors}).
 */
public class UnseenIdsFirst implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"GET".equals(request.getMethod()) && !VisibleIds.visible(request.getUriInfo().getPath())) {
      request.abortWith(UniformNotFound.response());
    }
  }
}
