package id.gapura.core.command;

import id.gapura.core.internal.RestReadiness;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "module", name = "rest", description = "Shows the REST applications and resources deployed, and any that failed")
public class RestCommand implements Action {

    @Reference
    private RestReadiness rest;

    @Override
    public Object execute() {
        rest.describe().forEach(System.out::println);
        return null;
    }
}
